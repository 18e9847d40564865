"""Matching: complementary-strength pair scores, consortium search and an exact reference
solver. Pure: numpy, scipy and scikit-learn over in-memory arrays; no web or database code."""
