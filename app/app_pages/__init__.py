"""The explorer's pages, one module each, run by ``app/streamlit_app.py`` through st.navigation."""
