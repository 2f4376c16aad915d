from lettercheck.cli import main

main()
