from pressroom.cli.main import main

main()
