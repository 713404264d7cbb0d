"""Sphinx directives that generate the appendix pages from data at build time."""


def setup(app):
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
