"""Both ends of the wire: the protocol, the terminal's sync client and the reference ledger."""
