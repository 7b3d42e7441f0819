"""Rules and wording over the reference data: no Qt, no SQL."""
