"""A build: plan the weeks, read what changed, render, write the outbox and its index."""
