# CMake generated Testfile for 
# Source directory: /work/main
# Build directory: /work/main/build
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
add_test(unit_decode "/work/main/build/test_decode")
set_tests_properties(unit_decode PROPERTIES  _BACKTRACE_TRIPLES "/work/main/CMakeLists.txt;67;add_test;/work/main/CMakeLists.txt;0;")
add_test(unit_normalize "/work/main/build/test_normalize")
set_tests_properties(unit_normalize PROPERTIES  _BACKTRACE_TRIPLES "/work/main/CMakeLists.txt;67;add_test;/work/main/CMakeLists.txt;0;")
add_test(unit_rules "/work/main/build/test_rules")
set_tests_properties(unit_rules PROPERTIES  _BACKTRACE_TRIPLES "/work/main/CMakeLists.txt;67;add_test;/work/main/CMakeLists.txt;0;")
add_test(unit_parse "/work/main/build/test_parse")
set_tests_properties(unit_parse PROPERTIES  _BACKTRACE_TRIPLES "/work/main/CMakeLists.txt;67;add_test;/work/main/CMakeLists.txt;0;")
add_test(unit_extract "/work/main/build/test_extract")
set_tests_properties(unit_extract PROPERTIES  _BACKTRACE_TRIPLES "/work/main/CMakeLists.txt;67;add_test;/work/main/CMakeLists.txt;0;")
add_test(e2e_bad_input "/work/main/tests/e2e/bad_input.sh" "/work/main/build/sijian-check")
set_tests_properties(e2e_bad_input PROPERTIES  _BACKTRACE_TRIPLES "/work/main/CMakeLists.txt;69;add_test;/work/main/CMakeLists.txt;0;")
add_test(e2e_seed_encodings "/work/main/tests/e2e/seed_encodings.sh" "/work/main/build/sijian-check")
set_tests_properties(e2e_seed_encodings PROPERTIES  SKIP_RETURN_CODE "77" _BACKTRACE_TRIPLES "/work/main/CMakeLists.txt;71;add_test;/work/main/CMakeLists.txt;0;")
add_test(e2e_check "/work/main/tests/e2e/check.sh" "/work/main/build/sijian-check")
set_tests_properties(e2e_check PROPERTIES  SKIP_RETURN_CODE "77" _BACKTRACE_TRIPLES "/work/main/CMakeLists.txt;73;add_test;/work/main/CMakeLists.txt;0;")
add_test(e2e_scan "/work/main/tests/e2e/scan.sh" "/work/main/build/sijian-check")
set_tests_properties(e2e_scan PROPERTIES  SKIP_RETURN_CODE "77" _BACKTRACE_TRIPLES "/work/main/CMakeLists.txt;75;add_test;/work/main/CMakeLists.txt;0;")
add_test(eval_extract "/root/.pyenv/shims/python3" "/work/main/tools/eval-extract" "--bin" "/work/main/build/sijian-check" "--min" "0.75")
set_tests_properties(eval_extract PROPERTIES  _BACKTRACE_TRIPLES "/work/main/CMakeLists.txt;80;add_test;/work/main/CMakeLists.txt;0;")
add_test(eval_check "/root/.pyenv/shims/python3" "/work/main/tools/eval-check" "--bin" "/work/main/build/sijian-check" "--min-recall" "0.70")
set_tests_properties(eval_check PROPERTIES  _BACKTRACE_TRIPLES "/work/main/CMakeLists.txt;83;add_test;/work/main/CMakeLists.txt;0;")
