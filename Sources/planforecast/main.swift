import PlanForecastCLI

PlanForecastCommand.main()
