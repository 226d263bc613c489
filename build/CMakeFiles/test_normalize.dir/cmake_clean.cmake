file(REMOVE_RECURSE
  "CMakeFiles/test_normalize.dir/tests/unit/test_normalize.c.o"
  "CMakeFiles/test_normalize.dir/tests/unit/test_normalize.c.o.d"
  "test_normalize"
  "test_normalize.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_normalize.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
