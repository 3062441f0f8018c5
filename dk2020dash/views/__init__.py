"""What a page shows, built from metric results: charts, maps, sentences and text alternatives."""
