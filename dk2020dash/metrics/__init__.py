"""Every metric of DESIGN.md section 4, defined once, as pure functions over plain data (no SQL, no Streamlit)."""
