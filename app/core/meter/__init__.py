"""The meter side: profiles, read planning, decoding, Modbus links, detection, clocks."""
