//go:build ignore

// access.go: access-heavy loop, no races: 2 goroutines each make their own 4M-int32
// array and do N passes over it (read + write of every element). Reports ns per
// element update. Mirror of ../rc/access.c (rb_access_pass in ../rb.h).
package main

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

const (
	workers = 2
	length  = 4 << 20
)

func pass(a []int32, p int32) uint64 {
	var sum uint64
	for i := range a {
		a[i] = a[i]*3 + p
		sum += uint64(uint32(a[i]))
	}
	return sum
}

func main() {
	passes := 4
	if len(os.Args) > 1 {
		passes, _ = strconv.Atoi(os.Args[1])
	}
	done := make(chan uint64, workers)
	t0 := time.Now()
	for w := 0; w < workers; w++ {
		go func() {
			a := make([]int32, length)
			var sum uint64
			for p := 0; p < passes; p++ {
				sum += pass(a, int32(p))
			}
			done <- sum
		}()
	}
	var sum uint64
	for w := 0; w < workers; w++ {
		sum += <-done
	}
	el := time.Since(t0)
	n := float64(workers * length * passes)
	fmt.Printf("RESULT access ns_per_op=%.1f total_ms=%.1f\n", float64(el.Nanoseconds())/n, float64(el.Nanoseconds())/1e6)
	fmt.Fprintf(os.Stderr, "access: sum %d\n", sum)
}
