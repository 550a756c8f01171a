"""The meter simulator: a pymodbus server with a physical model of a three-phase load."""
