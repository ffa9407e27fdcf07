//go:build ignore

// waitgroup.go: WaitGroup fan-out/fan-in: R rounds of Add(10000), 10000 goroutines that
// each call Done, and Wait. Reports ns per goroutine. Mirror of bench/c/waitgroup.c.
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"
)

const fan = 10000

func main() {
	rounds := int64(20)
	if len(os.Args) > 1 {
		rounds, _ = strconv.ParseInt(os.Args[1], 10, 64)
	}
	var wg sync.WaitGroup
	t0 := time.Now()
	for r := int64(0); r < rounds; r++ {
		wg.Add(fan)
		for i := 0; i < fan; i++ {
			go wg.Done()
		}
		wg.Wait()
	}
	el := time.Since(t0)
	fmt.Printf("RESULT waitgroup ns_per_op=%.1f\n", float64(el.Nanoseconds())/float64(rounds*fan))
}
