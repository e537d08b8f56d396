import DarkSectorCLI

DarkSectorCommand.main()
