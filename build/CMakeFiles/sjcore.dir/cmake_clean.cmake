file(REMOVE_RECURSE
  "CMakeFiles/sjcore.dir/src/check.c.o"
  "CMakeFiles/sjcore.dir/src/check.c.o.d"
  "CMakeFiles/sjcore.dir/src/decode.c.o"
  "CMakeFiles/sjcore.dir/src/decode.c.o.d"
  "CMakeFiles/sjcore.dir/src/doc.c.o"
  "CMakeFiles/sjcore.dir/src/doc.c.o.d"
  "CMakeFiles/sjcore.dir/src/extract.c.o"
  "CMakeFiles/sjcore.dir/src/extract.c.o.d"
  "CMakeFiles/sjcore.dir/src/normalize.c.o"
  "CMakeFiles/sjcore.dir/src/normalize.c.o.d"
  "CMakeFiles/sjcore.dir/src/number.c.o"
  "CMakeFiles/sjcore.dir/src/number.c.o.d"
  "CMakeFiles/sjcore.dir/src/parse.c.o"
  "CMakeFiles/sjcore.dir/src/parse.c.o.d"
  "CMakeFiles/sjcore.dir/src/report.c.o"
  "CMakeFiles/sjcore.dir/src/report.c.o.d"
  "CMakeFiles/sjcore.dir/src/report_findings.c.o"
  "CMakeFiles/sjcore.dir/src/report_findings.c.o.d"
  "CMakeFiles/sjcore.dir/src/rules.c.o"
  "CMakeFiles/sjcore.dir/src/rules.c.o.d"
  "CMakeFiles/sjcore.dir/src/scan.c.o"
  "CMakeFiles/sjcore.dir/src/scan.c.o.d"
  "CMakeFiles/sjcore.dir/src/util.c.o"
  "CMakeFiles/sjcore.dir/src/util.c.o.d"
  "libsjcore.a"
  "libsjcore.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/sjcore.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
