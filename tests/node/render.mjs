// Render a JSON Resume (read from the file named by the first argument) with
// jsonresume-theme-even, through its render function, and print the HTML.
import { readFileSync } from "node:fs";
import { render } from "jsonresume-theme-even";

const resume = JSON.parse(readFileSync(process.argv[2], "utf8"));
process.stdout.write(render(resume));
