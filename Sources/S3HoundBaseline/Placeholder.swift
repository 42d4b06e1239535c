// The baseline store; see BaselineStore.swift.
