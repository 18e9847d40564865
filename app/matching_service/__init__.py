"""The matching API: feeds the pure matching package from the database and keeps its
index fresh."""
