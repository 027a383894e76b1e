from reciprocity.cli.main import main

main()
