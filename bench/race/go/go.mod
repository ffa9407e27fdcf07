module racecheck/benchrace

go 1.19
