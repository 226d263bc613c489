# Empty compiler generated dependencies file for sijian-check.
# This may be replaced when dependencies are built.
