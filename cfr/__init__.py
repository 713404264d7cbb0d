"""Shared code for the book "Cambodia's Foreign Relations".

Notebooks import from here and never copy helper code:

- :mod:`cfr.data`   load a table by name, validated against ``data/datapackage.json``
- :mod:`cfr.charts` the house Plotly style, country colours, source notes, the offline renderer
- :mod:`cfr.maps`   maps drawn from the GeoJSON in ``data/geo/`` with no map tiles
- :mod:`cfr.facts`  single sourced facts (one layout for every ``<chapter>_facts`` table)
- :mod:`cfr.glue`   ``glue(name, value)``: MyST-NB's glue in the book build, shown in the browser
"""
from cfr.data import DataError, load, load_geojson, package, resource_info
from cfr.facts import fact, fact_row, facts
from cfr.glue import glue

__all__ = ["DataError", "fact", "fact_row", "facts", "glue", "load", "load_geojson", "package",
           "resource_info"]
