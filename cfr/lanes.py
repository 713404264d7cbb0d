"""Lane names written above each row of a lane chart (a timeline, a dot plot by group)
instead of as y tick labels, so the plot keeps its full width on a phone::

    from cfr.lanes import lane_labels
    lane_labels(fig, ["Peacekeeping", "Council reform"])
"""
from __future__ import annotations

import plotly.graph_objects as go


def lane_labels(fig: go.Figure, lanes) -> go.Figure:
    """Hide the y tick labels and write each lane's name at the left, just above its row."""
    fig.update_yaxes(showticklabels=False)
    for lane in lanes:
        fig.add_annotation(x=0, xref="paper", xanchor="left", y=lane, yshift=15, text=lane,
                           showarrow=False, font=dict(size=12, color="#333333"))
    fig.update_layout(margin=dict(l=20))
    return fig
