print("s3hound")
