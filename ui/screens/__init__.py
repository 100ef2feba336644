"""The app's pages, one script each; ``st.navigation`` in ``ui/app.py`` runs them by path."""
