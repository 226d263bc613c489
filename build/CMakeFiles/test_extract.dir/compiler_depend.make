# Empty compiler generated dependencies file for test_extract.
# This may be replaced when dependencies are built.
