"""The meter simulator: a pymodbus server with a physical model of a three-phase load.

meter = SimulatedMeter(profile, seed=1, faults=Faults(reversed_ct={Phase.B}))
async with MeterSimulator({1: meter}) as sim:
    port = await sim.start_tcp("127.0.0.1", 0)
    ...
    meter.expected_values()  # what a correct reader must report
"""

from app.simulator.clock import SimClock
from app.simulator.errors import SimulatorError
from app.simulator.faults import Faults, RegisterFault
from app.simulator.load import LoadSpec, PhaseDemand
from app.simulator.meter import SimulatedMeter
from app.simulator.phases import Phase
from app.simulator.server import MeterSimulator

__all__ = [
    "Faults",
    "LoadSpec",
    "MeterSimulator",
    "Phase",
    "PhaseDemand",
    "RegisterFault",
    "SimClock",
    "SimulatedMeter",
    "SimulatorError",
]
