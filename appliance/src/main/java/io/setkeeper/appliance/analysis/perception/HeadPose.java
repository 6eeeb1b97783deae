package io.setkeeper.appliance.analysis.perception;

/** Head orientation in degrees (yaw: left/right, pitch: up/down, roll: tilt), 0,0,0 = facing the camera. */
public record HeadPose(double yaw, double pitch, double roll) {
}
