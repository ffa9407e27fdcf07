//go:build ignore

// chanbuf.go: buffered channel throughput: one producer sends N ints into a channel of
// capacity 128, main receives them. Reports ns per item. Mirror of bench/c/chanbuf.c.
package main

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

func main() {
	n := int64(2000000)
	if len(os.Args) > 1 {
		n, _ = strconv.ParseInt(os.Args[1], 10, 64)
	}
	c := make(chan int64, 128)
	sum := int64(0)
	t0 := time.Now()
	go func() {
		for i := int64(0); i < n; i++ {
			c <- i
		}
	}()
	for i := int64(0); i < n; i++ {
		sum += <-c
	}
	el := time.Since(t0)
	if sum != n*(n-1)/2 {
		fmt.Fprintf(os.Stderr, "chanbuf: wrong sum %d\n", sum)
	}
	fmt.Printf("RESULT chanbuf ns_per_op=%.1f\n", float64(el.Nanoseconds())/float64(n))
}
