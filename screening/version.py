"""The engine version recorded in every result; bump it whenever matching logic changes."""

ENGINE_VERSION = "0.1.0"
