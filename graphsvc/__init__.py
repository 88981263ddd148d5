"""Coopol's domain: services over the graph, the store adapters, the CLI."""
