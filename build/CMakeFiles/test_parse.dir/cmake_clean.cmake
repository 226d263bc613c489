file(REMOVE_RECURSE
  "CMakeFiles/test_parse.dir/tests/unit/test_parse.c.o"
  "CMakeFiles/test_parse.dir/tests/unit/test_parse.c.o.d"
  "test_parse"
  "test_parse.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_parse.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
