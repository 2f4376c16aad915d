"""The annotated corpus: ground truth for tests, training, evaluation and trainers."""
