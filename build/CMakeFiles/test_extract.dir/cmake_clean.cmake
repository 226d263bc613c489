file(REMOVE_RECURSE
  "CMakeFiles/test_extract.dir/tests/unit/test_extract.c.o"
  "CMakeFiles/test_extract.dir/tests/unit/test_extract.c.o.d"
  "test_extract"
  "test_extract.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_extract.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
