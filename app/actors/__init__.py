"""Actors: cluster organisations and RDI platforms, one model behind two resources."""
