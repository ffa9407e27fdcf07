module racecheck/bench

go 1.19
