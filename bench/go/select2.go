//go:build ignore

// select2.go: main selects N times over two unbuffered channels, each fed N/2 ints by
// its own producer. Reports ns per select. Mirror of bench/c/select2.c.
package main

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

func main() {
	n := int64(1000000)
	if len(os.Args) > 1 {
		n, _ = strconv.ParseInt(os.Args[1], 10, 64)
	}
	half := n / 2
	n = 2 * half
	a := make(chan int64)
	b := make(chan int64)
	producer := func(c chan int64) {
		for i := int64(0); i < half; i++ {
			c <- i
		}
	}
	sum := int64(0)
	t0 := time.Now()
	go producer(a)
	go producer(b)
	for i := int64(0); i < n; i++ {
		select {
		case v := <-a:
			sum += v
		case v := <-b:
			sum += v
		}
	}
	el := time.Since(t0)
	if sum != half*(half-1) {
		fmt.Fprintf(os.Stderr, "select2: wrong sum %d\n", sum)
	}
	fmt.Printf("RESULT select2 ns_per_op=%.1f\n", float64(el.Nanoseconds())/float64(n))
}
