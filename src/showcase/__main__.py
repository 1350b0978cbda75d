from showcase.cli import main

main()
