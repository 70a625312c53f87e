"""Benchmark harness for newsclean (accuracy and speed); not part of the package."""
