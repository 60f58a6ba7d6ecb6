from quotebook.cli import main

main()
