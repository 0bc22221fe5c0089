/// Scenario sweeps. See `SweepEngine`.
public enum SimulationModule {}
