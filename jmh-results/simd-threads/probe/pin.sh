#!/bin/bash
J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
cd /tmp/sdiag
run() { taskset -c $1 $J --add-modules jdk.incubator.vector -XX:ObjectAlignmentInBytes=64 -XX:ActiveProcessorCount=1 -cp /tmp/jarC/benchmarks.jar:. io.cpabench.simd.Diag2 VECTOR_API 12 "$2" 2>&1 | grep -v WARN; }
run 0 "cpu0 alone"
run 1 "cpu1 alone"
run 0 "cpu0 with cpu1 busy" & run 1 "cpu1 with cpu0 busy"; wait
run 0 "cpu0 alone"
run 1 "cpu1 alone"
