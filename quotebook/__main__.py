from quotebook.cli import main

# Guarded: extraction worker processes (spawn) import __main__ again, and must
# not run the command a second time.
if __name__ == "__main__":
    main()
