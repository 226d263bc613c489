# Empty compiler generated dependencies file for sjcore.
# This may be replaced when dependencies are built.
