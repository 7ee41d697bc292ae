"""Streamlit components that ship with sourcetrace (no npm build, no network)."""
