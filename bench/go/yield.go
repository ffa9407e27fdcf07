//go:build ignore

// yield.go: 2 goroutines each calling runtime.Gosched N times. Reports ns per yield.
// Mirror of bench/c/yield.c.
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"time"
)

func main() {
	n := int64(1000000)
	if len(os.Args) > 1 {
		n, _ = strconv.ParseInt(os.Args[1], 10, 64)
	}
	done := make(chan int, 2)
	yielder := func() {
		for i := int64(0); i < n; i++ {
			runtime.Gosched()
		}
		done <- 1
	}
	t0 := time.Now()
	go yielder()
	go yielder()
	<-done
	<-done
	el := time.Since(t0)
	fmt.Printf("RESULT yield ns_per_op=%.1f\n", float64(el.Nanoseconds())/float64(2*n))
}
