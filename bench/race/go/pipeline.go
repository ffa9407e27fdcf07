//go:build ignore

// pipeline.go: a 3-stage channel pipeline (cap 64 channels): producer -> transform ->
// main. Reports ns per item. Mirror of ../rc/pipeline.c.
package main

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

const capacity = 64

func stage(v int64) int64 { return v*7 + 1 }

func main() {
	n := int64(500000)
	if len(os.Args) > 1 {
		n, _ = strconv.ParseInt(os.Args[1], 10, 64)
	}
	c1 := make(chan int64, capacity)
	c2 := make(chan int64, capacity)
	t0 := time.Now()
	go func() {
		for i := int64(0); i < n; i++ {
			c1 <- i
		}
		close(c1)
	}()
	go func() {
		for v := range c1 {
			c2 <- stage(v)
		}
		close(c2)
	}()
	var sum int64
	for v := range c2 {
		sum += v
	}
	el := time.Since(t0)
	fmt.Printf("RESULT pipeline ns_per_op=%.1f total_ms=%.1f\n", float64(el.Nanoseconds())/float64(n), float64(el.Nanoseconds())/1e6)
	if sum != 7*(n*(n-1)/2)+n {
		fmt.Fprintf(os.Stderr, "pipeline: wrong sum %d\n", sum)
	}
}
