#!/bin/bash
T=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
for round in 1 2; do
for v in "default|-Dx=1" "1g-pretouch|-Xms1g -Xmx1g -XX:+AlwaysPreTouch" "1g|-Xms1g -Xmx1g" "4g-pretouch|-Xms4g -Xmx4g -XX:+AlwaysPreTouch"; do
  name=${v%%|*}; args=${v#*|}
  r=$($T -jar /tmp/y/target/benchmarks.jar DispatchBenchmark -p model=COMPLETABLE_FUTURE -p regime=BACKLOG -p workers=2 -wi 5 -w 1 -i 5 -r 300ms -f 3 -jvmArgsAppend "--sun-misc-unsafe-memory-access=allow $args" 2>&1 | grep -E "^Iteration" | awk '{print $3}' | paste -sd' ')
  echo "$round $name: $r"
done; done
